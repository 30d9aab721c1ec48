# The manual page of a program, in mdoc, from its --help text: the two
# cannot drift apart, because the page is made from the help at build time.
#
#   PROG --help | awk -v name=PROG -v sec=1 -v date="December 1, 2026" \
#       -f tools/help2mdoc.awk > PROG.1
#
# The help is man-page shaped: section headings in capitals at column 0,
# text indented by 4. In the text, "TERM  description" lines (a term, two
# or more spaces, its description; or a term alone, with the description
# indented below it) become tagged lists: options (Fl, Ar), exit codes,
# environment variables (Ev), pages (Pa), subcommands (Cm). SYNOPSIS is
# kept as typed (a literal display); other lines are paragraphs.

function esc(s) {
	gsub(/\\/, "\\e", s)
	return s
}

# Text lines for mdoc: a new sentence on a new line, and no line starting
# with a dot or quote (requests).
function textline(s,    out, i) {
	s = esc(s)
	out = ""
	while (match(s, /[.;:)] [A-Z]/)) {
		out = out guard(substr(s, 1, RSTART)) "\n"
		s = substr(s, RSTART + 2)
	}
	return out guard(s)
}

function guard(s) {
	return s ~ /^[.']/ ? "\\&" s : s
}

function flush_text() {
	if (para != "") {
		print textline(para)
		para = ""
	}
}

function close_list() {
	flush_text()
	if (inlist) {
		print ".El"
		inlist = 0
	}
}

# One word of a term: -x and --long are flags, FILE and the like arguments.
function word(w, kind) {
	if (w ~ /^-/)
		return "Fl " esc(substr(w, 2))
	if (kind == "ENVIRONMENT" && w ~ /^[A-Z_][A-Z0-9_]*$/)
		return "Ev " w
	if (kind == "PAGES" && w ~ /^\//)
		return "Pa " esc(w)
	if (kind == "DESCRIPTION" && w ~ /^[a-z]+$/)
		return "Cm " w
	if (kind == "EXIT STATUS")
		return "Li " esc(w)
	return "Ar " esc(w)
}

function item(term, kind,    n, parts, i, out, w, nw, k, sep) {
	flush_text()
	if (!inlist) {
		print ".Bl -tag -width Ds"
		inlist = 1
	}
	out = ""
	n = split(term, parts, /, +/)
	for (i = 1; i <= n; i++) {
		if (parts[i] == "")
			continue
		nw = split(parts[i], w, / +/)
		sep = out == "" ? "" : " , "
		out = out sep
		for (k = 1; k <= nw; k++) {
			if (w[k] ~ /^"/) {	# "A B C": one argument
				q = w[k]
				while (q !~ /"$/ && k < nw)
					q = q " " w[++k]
				gsub(/"/, "\\(dq", q)
				out = out " Ar " q
				continue
			}
			out = out (k > 1 ? " " : "") word(w[k], kind)
		}
	}
	print ".It " out
}

function heading(h) {
	close_list()
	if (h == "SYNOPSIS" && insyn == 0) {
		print ".Sh SYNOPSIS"
		print ".Bd -literal"
		insyn = 1
		return
	}
	if (h == "EXIT STATUS")
		print ".Sh EXIT STATUS"
	else
		print ".Sh " h
}

BEGIN {
	print ".\\\" Generated from `" name " --help` by tools/help2mdoc.awk; edit the help, not this."
	print ".Dd " date
	print ".Dt " toupper(name) " " sec
	print ".Os ixp-rs"
	term = ""
}

# A section heading.
/^[A-Z][A-Z ]+$/ {
	if (insyn == 1) {
		print ".Ed"
		insyn = 2
	}
	section = $0
	term = ""
	if (section == "NAME")
		next
	heading(section)
	next
}

section == "NAME" {
	if ($0 == "")
		next
	sub(/^ +/, "")
	split($0, nm, / - /)
	print ".Sh NAME"
	print ".Nm " name
	print ".Nd " esc(nm[2])
	next
}

insyn == 1 {
	if ($0 != "") {
		l = $0
		sub(/^    /, "", l)
		print textline(l)
	}
	next
}

# A blank line ends a paragraph (and a pending term).
/^$/ {
	if (term != "") {
		item(term, section)
		term = ""
	}
	flush_text()
	blank = 1
	next
}

{
	match($0, /^ */)
	indent = RLENGTH
	line = substr($0, indent + 1)
}

# Deeper than 4: the description of the item (or paragraph) above.
indent > 4 {
	if (term != "") {
		item(term, section)
		term = ""
	}
	para = para (para == "" ? "" : " ") line
	next
}

# "TERM  description" (TERM without two spaces in it; at most 40 wide
# unless it is a flag, a path or the rest of a term begun above).
match(line, /  +/) && (RSTART <= 40 || line ~ /^[-\/]/ || term != "") && line !~ /^[A-Z][a-z]/ {
	t = substr(line, 1, RSTART - 1)
	d = substr(line, RSTART + RLENGTH)
	term = term (term == "" ? "" : " ") t
	item(term, section)
	term = ""
	para = d
	next
}

# A term alone (a flag, a path or a name list ending in a comma): the
# description follows, indented, or the term goes on on the next line.
(line ~ /^-/ || line ~ /^\// || line ~ /,$/) && line !~ / [a-z]+ [a-z]+ / {
	if (term == "" && inlist == 0)
		flush_text()
	term = term (term == "" ? "" : " ") line
	next
}

# Prose.
{
	if (inlist && blank) {
		close_list()
		print ".Pp"
	} else if (inlist && para != "" && indent == 4) {
		close_list()
		print ".Pp"
	}
	blank = 0
	para = para (para == "" ? "" : " ") line
}

END {
	if (insyn == 1)
		print ".Ed"
	if (term != "")
		item(term, section)
	close_list()
}
