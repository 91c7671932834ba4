// Every rule, declared for the registry; each is defined in its own file under its family folder.
#pragma once

#include "engine/facts.hpp"
#include "engine/rule.hpp"

namespace residency::rules {

extern const Rule RES001;
extern const Rule RES002;
extern const Rule RES003;
extern const Rule RES004;
extern const Rule RES101;
extern const Rule RES201;
extern const Rule RES202;

}  // namespace residency::rules
