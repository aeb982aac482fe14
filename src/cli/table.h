// Plain-text tables with aligned columns, for terminals and `column`-less scripts.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace citenet {

class TextTable {
 public:
  // A header of empty strings prints no header line (a key/value table).
  explicit TextTable(std::vector<std::string> header, std::vector<bool> right_aligned = {});
  void add_row(std::vector<std::string> cells);
  // Columns padded to their widest cell (counted in code points, so "Müller" aligns),
  // separated by two spaces; cells longer than `max_cell` code points are cut with "…".
  void print(std::ostream& out, std::size_t max_cell = 48) const;

 private:
  std::vector<std::vector<std::string>> rows_;
  std::vector<bool> right_aligned_;
};

// "0.1235" style: fixed with `digits` decimals, trailing zeros kept so columns line up.
std::string fixed(double value, int digits);

}  // namespace citenet
