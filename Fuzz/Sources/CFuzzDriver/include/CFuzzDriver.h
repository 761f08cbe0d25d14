// libFuzzer's entry point for a program that has its own main (SwiftPM gives every executable one).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

// glibc's memmem (string.h declares it only with _GNU_SOURCE): harnesses search bytes with it, not with loops of
// their own whose every comparison the coverage instrumentation would trace.
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
