// What every reader hands its records to: called once per good record, in file order.
#pragma once

#include <functional>

#include "records/record.h"
#include "records/record_view.h"

namespace citenet {

using RecordSink = std::function<void(Record&&)>;
// The sink may change the view (shift its line, say); the text it points at is the
// reader's, valid until the sink returns.
using RecordViewSink = std::function<void(RecordView&)>;

}  // namespace citenet
