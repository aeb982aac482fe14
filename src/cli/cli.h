// The command line: a table of sub-commands (ninja style), each parsing its own options
// with Boost.Program_options and calling the stages in data-flow order.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace citenet {

// Exit codes: 0 done, 1 nothing (or not everything) could be done with the input,
// 2 the command line itself is wrong.
enum ExitCode : int { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Process-wide malloc settings for a batch run, called first thing by the program (not by
// run_cli: a library caller owns its process). Records are built on the parser threads and
// freed on the builder's thread, so glibc's per-thread heaps grow and shrink by a few pages at
// a time, each step an mprotect and fresh page faults (about a tenth of the read's CPU time
// on 100k records); glibc's adaptive ceilings for the trim and mmap thresholds from the start, and
// a top pad, let them grow in big steps and stay.
//
// Its object (allocation.cc) also replaces the global operator new: blocks of 2 MiB and more
// are aligned to 2 MiB and advised for transparent huge pages, so a run that fills gigabytes
// of arrays takes one page fault per 2 MiB instead of 512 (see allocation.cc).
void tune_allocator_for_batch_runs();

}  // namespace citenet
