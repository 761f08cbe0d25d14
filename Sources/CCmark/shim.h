#ifndef HANDOFF_CCMARK_SHIM_H
#define HANDOFF_CCMARK_SHIM_H
#include <cmark.h>
#endif
