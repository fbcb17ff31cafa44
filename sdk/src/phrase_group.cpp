#include "fincheck/phrase_group.hpp"

#include "fincheck/data_file.hpp"

namespace fincheck {

PhraseGroup read_phrase_group(pugi::xml_node group) {
    return PhraseGroup{group.attribute("template").as_string(), child_texts(group, "phrase")};
}

}  // namespace fincheck
