#ifndef SIGFLARE_CLIBYAML_SHIM_H
#define SIGFLARE_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
