#include "validate.h"

#include "community.h"

#include <string.h>

#include "strutil.h"

bool
valid_chars(const char *s, size_t n, const char *extra)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\0' || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr(extra, c) != NULL))
			return false;
	}
	return true;
}

bool
valid_mac(const char *s, size_t n, uint8_t out[6])
{
	char hex[12];
	size_t k = 0;

	if (n == 17) {
		for (size_t i = 0; i < 17; i++) {
			if (i % 3 == 2) {
				if (s[i] != s[2] || (s[i] != ':' && s[i] != '-'))
					return false;
			} else {
				hex[k++] = s[i];
			}
		}
	} else if (n == 14) {
		for (size_t i = 0; i < 14; i++) {
			if (i % 5 == 4) {
				if (s[i] != '.')
					return false;
			} else {
				hex[k++] = s[i];
			}
		}
	} else {
		return false;
	}
	for (size_t i = 0; i < 6; i++) {
		int hi = str_hexval(hex[2 * i]), lo = str_hexval(hex[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return false;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

bool
valid_ifname(const char *s)
{
	size_t n = strlen(s);

	/* Linux IFNAMSIZ is 16 including the NUL. */
	return n >= 1 && n <= 15 && valid_chars(s, n, "_.-") && strcmp(s, ".") && strcmp(s, "..");
}

bool
valid_hostname(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 253 && valid_chars(s, n, ".-:") && s[0] != '-';
}

bool
valid_email(const char *s)
{
	const char *at = strchr(s, '@');

	return at != NULL && at != s && strchr(at + 1, '.') != NULL && strchr(at + 1, '@') == NULL &&
	    strpbrk(s, " <>\"(),;:[]\\") == NULL;
}

bool
valid_country(const char *s)
{
	return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] == '\0';
}

bool
valid_url(const char *s)
{
	size_t n = !strncmp(s, "https://", 8) ? 8 : !strncmp(s, "http://", 7) ? 7 : 0;

	if (n == 0 || s[n] == '\0')
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7f || strchr("\"'<>\\`", *s))
			return false;
	return true;
}

bool
valid_phone(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || strchr("+ ()-./", *s) != NULL))
			return false;
	return true;
}

bool
valid_md5(const char *s)
{
	for (; *s; s++)
		if (*s == '"' || *s == '\\' || (unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			return false;
	return true;
}

bool
valid_rs_name(const char *s)
{
	return *s != '\0' && valid_chars(s, strlen(s), "_-");
}

bool
valid_symbol_part(const char *s)
{
	return *s != '\0' && valid_chars(s, strlen(s), "_");
}

bool
valid_socket_path(const char *s)
{
	return s[0] == '/' && valid_chars(s, strlen(s), "/._-") && strstr(s, "..") == NULL;
}

bool
valid_community(const char *s)
{
	struct community_pat p;

	return community_pat_parse(s, &p);
}
