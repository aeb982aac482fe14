// What every reader hands its records to: called once per good record, in file order.
#pragma once

#include <functional>

#include "records/record.h"

namespace citenet {

using RecordSink = std::function<void(Record&&)>;

}  // namespace citenet
