# coachplan: a plain Makefile.  make, make check, make install, make bench.
#   make STATIC=1          static binaries (fast start-up, no shared libraries)
#   make O=DIR             build into DIR (default build/)
#   make check             the whole test suite, built with ASan and UBSan in build/san
#   make check-quick       the suite against the plain build, shorter (the edit-test loop)
#   make WERROR=-Werror    warnings as errors (make check, lint and CI set it)
#   make fuzz              each libFuzzer harness for FUZZ_SECONDS (clang; see tests/fuzz/)
#   make check-long        the kill and concurrency tests at full length
#   make figures           the reliability figures (README) from the tests
#   make check-valgrind    the suite again, the tools run under valgrind (build/vg)
#   make lint              cppcheck and clang-tidy on lib/ and cmd/
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
# Warnings are errors in make check, lint and CI (WERROR=-Werror there), not
# in a user's plain make, so that a newer compiler's new warning cannot
# break a build.
WERROR ?=
WARNINGS = -std=c17 -Wall -Wextra $(WERROR) -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
YAML_CFLAGS := $(shell pkg-config --cflags yaml-0.1 2>/dev/null)
YAML_LIBS := $(shell pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml)
ALL_CPPFLAGS = -D_GNU_SOURCE -DVERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"' \
	       -DDATADIR='"$(DATADIR)"' -Ilib $(if $(STATIC),-DCP_STATIC) \
	       $(YAML_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(WARNINGS) $(CFLAGS) $(SANFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS) $(if $(STATIC),-static)
LIBS = $(YAML_LIBS) -lcsv -pthread
# PDF (cp-report -o pdf): cairo and pango, linked into cp-report alone, so
# that the other tools start without loading them.  Without their -dev
# packages, or with STATIC=1 (Debian ships no static pango), cp-report is
# built without PDF and says so.
PDF_PKGS = pangocairo
PDF_LIBS := $(if $(STATIC),,$(shell pkg-config --libs $(PDF_PKGS) 2>/dev/null))
PDF_CPPFLAGS := $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(PDF_PKGS) 2>/dev/null))
PDF_SRC := $(sort $(wildcard lib/render_pdf*.c))
PDF_OBJ = $(if $(PDF_LIBS),$(PDF_SRC:%.c=$(O)/%.o))

O ?= build
SAN ?=
SANITIZERS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SANFLAGS = $(if $(SAN),$(SANITIZERS))

LIB_SRC := $(filter-out $(PDF_SRC),$(sort $(wildcard lib/*.c)))
LIB_OBJ := $(LIB_SRC:%.c=$(O)/%.o)
TOOLS := $(sort $(basename $(notdir $(wildcard cmd/*.c))))
BINS := $(TOOLS:%=$(O)/%)
UNIT_SRC := $(sort $(wildcard tests/unit/test-*.c))
UNITS := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz-*.c))
FUZZERS := $(FUZZ_SRC:tests/fuzz/%.c=%)
REPLAYS := $(FUZZERS:%=$(O)/tests/replay-%)
HELPER_SRC := $(sort $(wildcard tests/helpers/*.c))
HELPERS := $(HELPER_SRC:tests/helpers/%.c=$(O)/tests/%)
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

# Data the tools read (data/), copied beside them so that an uninstalled
# build finds it as the installed tools find DATADIR/coachplan.
DATA := $(sort $(wildcard data/*))
BUILT_DATA = $(DATA:%=$(O)/%)

all: $(BINS) $(MOS) $(BUILT_DATA)

$(O)/data/%: data/%
	@mkdir -p $(@D)
	$(Q)cp $< $@

# One rule compiles every source: lib/x.c, cmd/x.c, tests/unit/x.c and
# tests/fuzz/x.c each to the same path under $(O).
$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC,$@)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# Small programs the shell tests use: a killer with a random delay, and a
# shim for LD_PRELOAD that makes writes fail (no sanitizer in the shim: it
# is loaded into programs built with and without them).
$(O)/tests/%.so: tests/helpers/%.so.c
	@mkdir -p $(@D)
	$(call say,CC,$@)$(CC) $(ALL_CPPFLAGS) $(WARNINGS) $(CFLAGS) -shared -fPIC -o $@ $< -ldl

$(O)/tests/%: tests/helpers/%.c $(O)/libcoachplan.a
	@mkdir -p $(@D)
	$(call say,CC,$@)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(O)/libcoachplan.a $(LIBS)

$(O)/libcoachplan.a: $(LIB_OBJ)
	$(Q)rm -f $@
	$(call say,AR,$@)$(AR) rcs $@ $(LIB_OBJ)

$(O)/cp-%: $(O)/cmd/cp-%.o $(O)/libcoachplan.a
	$(call say,LD,$@)$(CC) $(ALL_LDFLAGS) -o $@ $< $(EXTRA_OBJ) $(O)/libcoachplan.a $(LIBS) $(EXTRA_LIBS)

$(PDF_SRC:%.c=$(O)/%.o): ALL_CPPFLAGS += $(PDF_CPPFLAGS)
$(O)/cp-report: $(PDF_OBJ)
$(O)/cp-report: EXTRA_OBJ = $(PDF_OBJ)
$(O)/cp-report: EXTRA_LIBS = $(if $(PDF_OBJ),$(PDF_LIBS))

$(O)/tests/test-%: $(O)/tests/unit/test-%.o $(O)/libcoachplan.a
	$(call say,LD,$@)$(CC) $(ALL_LDFLAGS) -o $@ $< $(O)/libcoachplan.a $(LIBS)

# Each fuzz harness built with a main() that replays files: the corpora
# and the regressions run in make check, without clang.
$(O)/tests/replay-fuzz-%: $(O)/tests/fuzz/fuzz-%.o $(O)/tests/fuzz/replay.o $(O)/libcoachplan.a
	$(call say,LD,$@)$(CC) $(ALL_LDFLAGS) -o $@ $< $(O)/tests/fuzz/replay.o $(O)/libcoachplan.a $(LIBS)

# The sheet reader's portable split, which a machine without SSE2 (arm64,
# riscv64) runs, tested here too: test-sheet against lib/records.c built
# without it, linked ahead of the library's own.
$(O)/lib/records-scalar.o: lib/records.c
	@mkdir -p $(@D)
	$(call say,CC,$@)$(CC) $(ALL_CPPFLAGS) -U__SSE2__ $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(O)/tests/test-sheet-scalar: $(O)/tests/unit/test-sheet.o $(O)/lib/records-scalar.o $(O)/libcoachplan.a
	$(call say,LD,$@)$(CC) $(ALL_LDFLAGS) -o $@ $< $(O)/lib/records-scalar.o $(O)/libcoachplan.a $(LIBS)

units: $(UNITS) $(O)/tests/test-sheet-scalar $(REPLAYS) $(HELPERS)

$(O)/locale/%/LC_MESSAGES/coachplan.mo: po/%.po
	@mkdir -p $(@D)
	$(call say,MSGFMT,$@)msgfmt --check -o $@ $<

# The template is committed, so that a translator needs no build; sorted
# and without line numbers, and replaced only when a string changed (not
# for its creation date), so that it changes only where a string does.
pot:
	@mkdir -p $(O)/po
	$(XGETTEXT) -o $(O)/po/coachplan.pot $(sort $(wildcard lib/*.c)) $(sort $(wildcard cmd/*.c))
	$(Q)diff -q -I '^"POT-Creation-Date:' po/coachplan.pot $(O)/po/coachplan.pot >/dev/null 2>&1 || \
		cp $(O)/po/coachplan.pot po/coachplan.pot

# Every catalogue is complete (no fuzzy, no untranslated message) and has
# every string of the sources as they are now (msgcmp against a fresh
# template): a new message without its Dutch fails the build.
po-check:
	@mkdir -p $(O)/po
	$(Q)$(XGETTEXT) -o $(O)/po/coachplan.pot $(sort $(wildcard lib/*.c)) $(sort $(wildcard cmd/*.c))
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
	$(Q)$(MAKE) --no-print-directory O=build/san SAN=1 WERROR=-Werror all units
	CP_BIN=$(CURDIR)/build/san tests/run

# The edit-test loop: unit and shell tests against the plain build (no
# sanitizers, no valgrind), the kill and concurrency tests short, two
# test scripts at a time.  make check before a commit.
check-quick:
	$(Q)$(MAKE) --no-print-directory WERROR=-Werror all units
	CP_BIN=$(CURDIR)/$(O) CP_KILLS=20 CP_ENTRIES=100 CP_SINGLES=10 PROVE_JOBS=2 tests/run

sanitize: check

# The long runs of the crash and concurrency tests: 2,000 kills of each
# writer, and every one of the 8 x 1,000 concurrent entries its own cp-log.
check-long:
	$(Q)$(MAKE) --no-print-directory O=build/san SAN=1 WERROR=-Werror all units
	CP_BIN=$(CURDIR)/build/san CP_KILLS=2000 CP_SINGLES=1000 \
		prove -v tests/6000-concurrency.t tests/6100-kill.t

# The reliability figures of the README, from the tests that measure them,
# the long fuzz campaigns on record and the last fuzz runs here, if any.
figures:
	$(Q)$(MAKE) --no-print-directory O=build/san SAN=1 WERROR=-Werror all units
	@CP_BIN=$(CURDIR)/build/san prove -v tests/6000-concurrency.t tests/6100-kill.t \
		tests/6150-full-disk.t tests/6300-bad-corpus.t 2>&1 | grep -E '^# [0-9a-z]|^Result'
	@echo "# long fuzz campaigns (tests/fuzz/campaigns.txt):"; sed 's/^/#   /' tests/fuzz/campaigns.txt
	@if [ -s build/fuzz/summary.txt ]; then echo "# fuzzing here (build/fuzz/summary.txt):"; \
		sed 's/^/#   /' build/fuzz/summary.txt; fi

# The whole suite with every tool, unit test and fuzz replay run under
# valgrind (memcheck, leaks included), built without sanitizers in
# build/vg.  Valgrind's reports go to build/vg/run/logs; any error is exit
# status 125, which fails the test that ran it.  The kill and concurrency
# tests run shorter (valgrind starts slowly), the bad-input bounds wider.
check-valgrind:
	$(Q)$(MAKE) --no-print-directory O=build/vg CFLAGS='-O1 -g' WERROR=-Werror all units
	tests/valgrind.sh build/vg build/vg/run
	CP_BIN=$(CURDIR)/build/vg/run CP_KILLS=20 CP_ENTRIES=100 CP_SINGLES=10 CP_PDF_RUNS=3 \
		CP_BAD_MEM_KB=4194304 CP_BAD_SECONDS=900 tests/run
	@n=$$(ls build/vg/run/logs | wc -l); \
	if grep -l . build/vg/run/logs/*.log 2>/dev/null; then \
		echo "valgrind reported errors (see the logs above)"; exit 1; fi; \
	echo "valgrind: $$n runs, no errors, no leaks"

# Static analysis of lib/ and cmd/: cppcheck (its one suppression: it need
# not find the system headers) and clang-tidy (checks in .clang-tidy).
CPPCHECK = cppcheck --enable=warning,portability,performance --std=c11 --error-exitcode=1 \
	   --inline-suppr --suppress=missingIncludeSystem -q
CLANG_TIDY = clang-tidy --quiet

lint:
	$(CPPCHECK) -D_GNU_SOURCE -DVERSION='"$(VERSION)"' -Ilib lib cmd
	$(CLANG_TIDY) $(LIB_SRC) $(sort $(wildcard cmd/*.c)) -- -std=c17 $(ALL_CPPFLAGS)

# ---- fuzzing: clang's libFuzzer, with ASan and UBSan (tests/fuzz/README.md) ----
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1
FUZZ_CC ?= clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

$(O)/fuzz-%: $(O)/tests/fuzz/fuzz-%.o $(O)/libcoachplan.a
	@mkdir -p $(@D)
	$(call say,LD,$@)$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer -o $@ $< $(O)/libcoachplan.a $(LIBS)

fuzzers: $(FUZZERS:%=$(O)/%)

fuzz-build:
	$(Q)$(MAKE) --no-print-directory O=build/fuzz CC=$(FUZZ_CC) \
		SANFLAGS='-fsanitize=fuzzer-no-link $(FUZZ_SAN)' WERROR=-Werror fuzzers

# Runs each harness for FUZZ_SECONDS on a copy of its corpus, FUZZ_JOBS at once.
fuzz: fuzz-build
	FUZZ_BIN=build/fuzz FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) tests/fuzz/run.sh $(FUZZ)

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
	install -d $(DESTDIR)$(DATADIR)/coachplan
	install -m 0644 $(DATA) $(DESTDIR)$(DATADIR)/coachplan
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

# The sample caseload, fresh in $(O)/demo, and a coach's week logged in it;
# committed to git, so that the README's git diff shows what a tool changed:
# a repository of its own, also where $(O) lies in the clone of coachplan.
demo: all
	rm -rf $(O)/demo && cp -R examples/caseload $(O)/demo && chmod 600 $(O)/demo/plans/* $(O)/demo/hours/*
	cd $(O)/demo && PATH="$(abspath $(O)):$$PATH" CP_TODAY=2026-11-23 USER=robin \
		sh $(CURDIR)/examples/weekly.sh
	cd $(O)/demo && export PATH="$(abspath $(O)):$$PATH" CP_TODAY=2026-11-23 USER=robin && \
		git init -q && cp-new --init . --git >/dev/null && git add -A && \
		git -c user.name=coachplan -c user.email=demo@coachplan.invalid \
			commit -q -m 'The sample caseload, robin'"'"'s week logged'
	@echo "Try: cd $(O)/demo && export PATH=\"$(abspath $(O)):\$$PATH\" CP_TODAY=2026-11-23 USER=robin"

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%) $(TOOLS:%=$(DESTDIR)$(BASHCOMPDIR)/%) \
		$(DESTDIR)$(ZSHCOMPDIR)/_coachplan
	for m in $(MANS); do s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m#man/}; done
	for l in $(LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/coachplan.mo; done
	rm -rf $(DESTDIR)$(DATADIR)/coachplan

# The Debian package, in the parent directory (see README.md).
deb:
	dpkg-buildpackage -us -uc -b

clean:
	rm -rf build

.PHONY: all units check check-quick check-long check-valgrind figures lint sanitize bench install uninstall \
	clean demo deb pot po-check fuzz fuzz-build fuzzers

-include $(shell find $(O) -name '*.d' 2>/dev/null)
.SECONDARY:
