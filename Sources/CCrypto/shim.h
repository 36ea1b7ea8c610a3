#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H
// The one-shot SHA256() goes through EVP and loads OpenSSL 3's providers on first use (about
// 5M instructions per process); the low-level SHA256_Init/Update/Final compute directly.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#endif
