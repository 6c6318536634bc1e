# coachplan: a plain Makefile.  make, make check, make install, make bench.
#   make STATIC=1          static binaries (fast start-up, no shared libraries)
#   make O=DIR             build into DIR (default build/)
#   make check             the whole test suite, built with ASan and UBSan in build/san
#   make pot               po/coachplan.pot from the sources, for translators
VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
LOCALEDIR ?= $(DATADIR)/locale
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATADIR)/zsh/vendor-completions
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS = -std=c17 -Wall -Wextra -Werror -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
YAML_CFLAGS := $(shell pkg-config --cflags yaml-0.1 2>/dev/null)
YAML_LIBS := $(shell pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml)
ALL_CPPFLAGS = -D_GNU_SOURCE -DVERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"' -Ilib \
	       $(YAML_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(WARNINGS) $(CFLAGS) $(SANFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS) $(if $(STATIC),-static)
LIBS = $(YAML_LIBS) -lcsv -pthread

O ?= build
SAN ?=
SANITIZERS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SANFLAGS = $(if $(SAN),$(SANITIZERS))

LIB_SRC := $(sort $(wildcard lib/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(O)/%.o)
TOOLS := $(sort $(basename $(notdir $(wildcard cmd/*.c))))
BINS := $(TOOLS:%=$(O)/%)
UNIT_SRC := $(sort $(wildcard tests/unit/test-*.c))
UNITS := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
MAN1 := $(TOOLS:%=man/%.1)
MANS := $(sort $(wildcard man/*.[1-9]))
# Message catalogues: po/LANG.po, built where the tools look when they are
# run from the build directory ($(O)/locale, see lib/cli.c).
LANGS := $(sort $(basename $(notdir $(wildcard po/*.po))))
MOS := $(LANGS:%=$(O)/locale/%/LC_MESSAGES/coachplan.mo)
XGETTEXT = xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --from-code=UTF-8 \
	   --add-comments=TRANSLATORS: --package-name=coachplan --package-version=$(VERSION) \
	   --msgid-bugs-address=https://github.com/coachplan/coachplan/issues \
	   --sort-output --add-location=file --no-wrap

# Quiet by default; make V=1 shows the commands.
Q = $(if $(V),,@)
say = $(if $(V),,@printf '  %-6s %s\n' $(1) $(2);)

all: $(BINS) $(MOS)

$(O)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(call say,CC,$@)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(O)/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	$(call say,CC,$@)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(O)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(call say,CC,$@)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(O)/libcoachplan.a: $(LIB_OBJ)
	$(Q)rm -f $@
	$(call say,AR,$@)$(AR) rcs $@ $(LIB_OBJ)

$(O)/cp-%: $(O)/cmd/cp-%.o $(O)/libcoachplan.a
	$(call say,LD,$@)$(CC) $(ALL_LDFLAGS) -o $@ $< $(O)/libcoachplan.a $(LIBS)

$(O)/tests/test-%: $(O)/tests/test-%.o $(O)/libcoachplan.a
	$(call say,LD,$@)$(CC) $(ALL_LDFLAGS) -o $@ $< $(O)/libcoachplan.a $(LIBS)

units: $(UNITS)

$(O)/locale/%/LC_MESSAGES/coachplan.mo: po/%.po
	@mkdir -p $(@D)
	$(call say,MSGFMT,$@)msgfmt --check -o $@ $<

# The template is committed, so that a translator needs no build; sorted
# and without line numbers, and replaced only when a string changed (not
# for its creation date), so that it changes only where a string does.
pot:
	@mkdir -p $(O)/po
	$(XGETTEXT) -o $(O)/po/coachplan.pot $(LIB_SRC) $(sort $(wildcard cmd/*.c))
	$(Q)diff -q -I '^"POT-Creation-Date:' po/coachplan.pot $(O)/po/coachplan.pot >/dev/null 2>&1 || \
		cp $(O)/po/coachplan.pot po/coachplan.pot

# Every catalogue is complete (no fuzzy, no untranslated message) and has
# every string of the sources as they are now (msgcmp against a fresh
# template): a new message without its Dutch fails the build.
po-check:
	@mkdir -p $(O)/po
	$(Q)$(XGETTEXT) -o $(O)/po/coachplan.pot $(LIB_SRC) $(sort $(wildcard cmd/*.c))
	$(Q)for l in $(LANGS); do \
		msgcmp po/$$l.po $(O)/po/coachplan.pot || { \
			echo "po/$$l.po lacks strings of the sources: make pot, then" \
			     "msgmerge -U po/$$l.po po/coachplan.pot and translate them" >&2; exit 1; }; \
		stats=$$(msgfmt --check --statistics -o /dev/null po/$$l.po 2>&1) || { echo "$$stats" >&2; exit 1; }; \
		echo "po/$$l.po: $$stats"; \
		case $$stats in *fuzzy*|*untranslated*) echo "po/$$l.po is not complete" >&2; exit 1;; esac; \
	done

# The suite always runs against binaries built with the sanitizers.
check: po-check
	$(Q)$(MAKE) --no-print-directory O=build/san SAN=1 all units
	CP_BIN=$(CURDIR)/build/san tests/run

sanitize: check

# Against the peers in ../shared/bench, on its data; see tests/bench.sh.
bench: all
	CP_BIN=$(O) tests/bench.sh

# Bash completion: one file, under each tool's name (bash-completion's
# loader looks a command up by its name), the others linked to the first.
# Message catalogues: every po/LANG.mo (or $(O)/po/LANG.mo) that is built.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 0755 $(BINS) $(DESTDIR)$(BINDIR)
	for m in $(MANS); do \
		s=$${m##*.}; install -m 0644 $$m $(DESTDIR)$(MANDIR)/man$$s/ || exit 1; done
	install -m 0644 completions/cp.bash $(DESTDIR)$(BASHCOMPDIR)/$(firstword $(TOOLS))
	for t in $(filter-out $(firstword $(TOOLS)),$(TOOLS)); do \
		ln -sf $(firstword $(TOOLS)) $(DESTDIR)$(BASHCOMPDIR)/$$t || exit 1; done
	install -m 0644 completions/_coachplan $(DESTDIR)$(ZSHCOMPDIR)/_coachplan
	for l in $(LANGS); do \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 0644 $(O)/locale/$$l/LC_MESSAGES/coachplan.mo \
			$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ || exit 1; done

# The sample caseload, fresh in $(O)/demo, and a coach's week logged in it.
demo: all
	rm -rf $(O)/demo && cp -R examples/caseload $(O)/demo && chmod 600 $(O)/demo/plans/* $(O)/demo/hours/*
	cd $(O)/demo && PATH="$(abspath $(O)):$$PATH" CP_TODAY=2026-11-23 USER=robin \
		sh $(CURDIR)/examples/weekly.sh
	@echo "Try: cd $(O)/demo && export PATH=\"$(abspath $(O)):\$$PATH\" CP_TODAY=2026-11-23 USER=robin"

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%) $(TOOLS:%=$(DESTDIR)$(BASHCOMPDIR)/%) \
		$(DESTDIR)$(ZSHCOMPDIR)/_coachplan
	for m in $(MANS); do s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m#man/}; done
	for l in $(LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/coachplan.mo; done

# The Debian package, in the parent directory (see README.md).
deb:
	dpkg-buildpackage -us -uc -b

clean:
	rm -rf build

.PHONY: all units check sanitize bench install uninstall clean demo deb pot po-check

-include $(shell find $(O) -name '*.d' 2>/dev/null)
.SECONDARY:
