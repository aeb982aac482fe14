#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  citenet::tune_allocator_for_batch_runs();
  return citenet::run_cli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
