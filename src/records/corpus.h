// A normalised corpus: every record reduced to 32-bit ids of the people, institutions and
// countries it names, with each entity's label stored once. Built by streaming records
// into a CorpusBuilder, so no record is kept after it was added.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "records/author_identity.h"
#include "records/record.h"

namespace citenet {

// One id list per paper, stored flat (CSR-style): no allocation per paper.
class IdLists {
 public:
  void push(std::span<const std::uint32_t> ids);
  std::span<const std::uint32_t> operator[](std::size_t paper) const {
    return {ids_.data() + offsets_[paper], offsets_[paper + 1] - offsets_[paper]};
  }
  std::size_t size() const { return offsets_.size() - 1; }
  std::vector<std::uint32_t>& mutable_ids() { return ids_; }

 private:
  std::vector<std::uint32_t> offsets_{0};
  std::vector<std::uint32_t> ids_;
};

struct PaperInfo {
  std::string label;  // "Alderwick 2024 Cross-sector collaboration to reduce…"
  int year = 0;
  std::uint32_t citations = 0;
};

struct Corpus {
  std::vector<PaperInfo> papers;
  IdLists authors;       // per paper: person id of each author slot, in citation order
  IdLists institutions;  // per paper: distinct institution ids over all its authors
  IdLists countries;     // per paper: distinct country ids
  std::vector<std::string> author_labels;
  std::vector<std::string> institution_labels;
  std::vector<std::string> country_labels;
};

class CorpusBuilder {
 public:
  void add(const Record& record);
  // Resolves author identities and hands over the corpus; the builder is spent.
  Corpus finish();

 private:
  // Interns a normalised key; the label is the most frequent printed form.
  class EntityTable {
   public:
    std::uint32_t intern(const std::string& key, std::string_view printed);
    std::vector<std::string> labels() const;

   private:
    struct Entity {
      std::vector<std::pair<std::string, std::uint32_t>> forms;  // printed form, count
    };
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<Entity> entities_;
  };

  Corpus corpus_;
  AuthorIdentity identity_;
  IdLists author_forms_;  // per paper: form ids, mapped to people in finish()
  EntityTable institutions_;
  EntityTable countries_;
};

// "Alderwick 2024 Cross-sector collaboration to reduce…": first author's surname, year,
// and the title cut at a word boundary near `max_title_chars`.
std::string paper_label(const Record& record, std::size_t max_title_chars = 40);

}  // namespace citenet
