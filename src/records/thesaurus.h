// A user thesaurus: replaces or drops authors, institutions, countries and keywords before
// they become network nodes, as VOSviewer and bibliometrix thesaurus files do.
//
// Two CSV layouts (RFC 4180; UTF-8, an optional byte-order mark; blank lines skipped):
//
//   kind,from,to                       the header is optional
//   author,"Alderwick, H.",Hugh Alderwick
//   institution,Kings Fund,The King's Fund
//   keyword,covid 19,COVID-19
//   keyword,study,                     an empty `to` drops the entity
//
// `kind` is author, institution, country or keyword (any case). `from` is matched after
// fold_key(), so case, accents and punctuation do not matter; entities whose `to` folds to
// the same key merge, under the label `to` first written.
//
//   key,label,forms,evidence,records   AuthorIdentity's merge table (header required)
//
// read as an author thesaurus: every form of a row (";"-separated) and the row's key map to
// that row's key, shown as its label; an empty label drops the row's forms. A form listed
// in several rows (an initials form the ladder split by co-author evidence, one name under
// two ORCIDs) is ambiguous and gets no entry, so the ladder decides it again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace citenet {

enum class ThesaurusKind : std::uint8_t { author, institution, country, keyword };

class Thesaurus {
 public:
  // What a `from` is replaced by. An empty label means "drop".
  struct Target {
    std::string key;    // identity of the merged entity: fold_key(to), or a merge-table key
    std::string label;  // the text to show
  };

  // Reads a thesaurus file; on failure returns nullopt and sets *error to
  // "path:line: what" (or "path: cannot open ...").
  static std::optional<Thesaurus> load(const std::string& path, std::string* error);
  // The same from text in memory; `path` only names the source in errors.
  static std::optional<Thesaurus> parse(std::string_view text, std::string_view path,
                                        std::string* error);

  // The replacement label for `text` of that kind: nullptr when there is no entry, a pointer
  // to "" when the entity is dropped.
  const std::string* lookup(ThesaurusKind kind, std::string_view text) const;
  // The whole target (key and label), nullptr when there is no entry.
  const Target* find(ThesaurusKind kind, std::string_view text) const;
  // The same lookup for a text already folded with fold_key(). `ambiguous`, when given, is
  // set when the text is a merge-table form listed under several keys.
  const Target* find_folded(ThesaurusKind kind, std::string_view folded,
                            bool* ambiguous = nullptr) const;

  // Number of `from` entries (ambiguous merge-table forms excluded).
  std::size_t size() const;
  bool empty() const { return size() == 0; }

 private:
  static constexpr std::uint32_t kAmbiguous = 0xFFFFFFFFu;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const noexcept {
      return std::hash<std::string_view>{}(key);
    }
  };
  using Index = std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>>;

  bool parse_replacements(const std::vector<std::vector<std::string>>& rows,
                          const std::vector<std::size_t>& lines, std::size_t first,
                          std::string_view path, std::string* error);
  bool parse_merge_table(const std::vector<std::vector<std::string>>& rows,
                         const std::vector<std::size_t>& lines, std::string_view path,
                         std::string* error);
  std::uint32_t target_id(ThesaurusKind kind, std::string key, std::string_view label);

  Index from_[4];  // per kind: folded `from` -> index into targets_ (or kAmbiguous)
  std::vector<Target> targets_;
  Index target_ids_;  // kind letter + target key -> index into targets_
};

}  // namespace citenet
