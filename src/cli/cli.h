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

}  // namespace citenet
