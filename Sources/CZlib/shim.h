#ifndef SIGFLARE_CZLIB_SHIM_H
#define SIGFLARE_CZLIB_SHIM_H
#include <zlib.h>
#endif
