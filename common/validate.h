/*
 * Domain validators for text the operator writes that ends up in a BIRD
 * config, a file name, a shell-free command or a published page: each
 * accepts exactly the documented form and nothing that could be read as
 * syntax by the consumer. Pure; no messages (callers word them).
 */
#ifndef IXP_VALIDATE_H
#define IXP_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Only ASCII letters, digits and the characters in `extra`. */
bool	valid_chars(const char *s, size_t n, const char *extra);
/* 02:00:00:00:01:01, 02-00-00-00-01-01 or 0200.0000.0101; out: the bytes. */
bool	valid_mac(const char *s, size_t n, uint8_t out[6]);
/* A Linux interface name: 1-15 of [A-Za-z0-9_.-], not "." or "..". */
bool	valid_ifname(const char *s);
/* A DNS name or IP literal (IPv6 with ':'): [A-Za-z0-9.:-], not leading '-'. */
bool	valid_hostname(const char *s);
/* A plain address: local@domain.tld, no spaces, quotes, brackets, commas. */
bool	valid_email(const char *s);
/* ISO 3166 alpha-2: two capital letters. */
bool	valid_country(const char *s);
/* An http or https URL without spaces, quotes or angle brackets. */
bool	valid_url(const char *s);
/* Digits, spaces and + ( ) - . / */
bool	valid_phone(const char *s);
/* Printable ASCII without '"' and '\\' (BIRD strings have no escapes). */
bool	valid_md5(const char *s);
/* A route-server name, also a file name: [A-Za-z0-9_-]. */
bool	valid_rs_name(const char *s);
/* A name that becomes part of a BIRD symbol: [A-Za-z0-9_]. */
bool	valid_symbol_part(const char *s);
/* A community or a pattern of one: "A:B", "A:B:C", fields may be "{name}". */
bool	valid_community(const char *s);
/* An absolute path of [A-Za-z0-9/._-] without "..". */
bool	valid_socket_path(const char *s);

#endif
