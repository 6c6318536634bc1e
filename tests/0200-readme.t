#!/bin/sh
# The README's first set-up command on a fresh Debian machine: it must
# refresh the package lists before it installs, and work as root, where a
# fresh machine has no sudo, as well as for a user with sudo.  It runs here
# with apt-get, make, id and sudo replaced by shims that log their calls.
. "$(dirname "$0")/lib.sh"

setup=$(awk '/^    / { sub(/^    /, ""); print; exit }' "$TOP/README.md")
check "the README has a first set-up command" test -n "$setup"
case $setup in
sudo*) not_ok "the first set-up command does not start with sudo" "$setup" ;;
*) ok "the first set-up command does not start with sudo" ;;
esac

# shims DIR [sudo]: a PATH with nothing but the logging stand-ins
shims() {
	mkdir -p "$1"
	for t in apt-get make; do
		printf '#!/bin/sh\necho "%s $*" >>"%s/calls"\n' "$t" "$WORK" >"$1/$t"
	done
	printf '#!/bin/sh\n[ "$1" = -u ] && echo "$FAKE_UID" || /usr/bin/id "$@"\n' >"$1/id"
	if [ "${2-}" = sudo ]; then
		printf '#!/bin/sh\necho "sudo $*" >>"%s/calls"\nexec "$@"\n' "$WORK" >"$1/sudo"
	fi
	chmod +x "$1"/*
}

# as UID SHIMDIR: runs the command, the calls it made in ./calls
as() {
	rm -f calls
	FAKE_UID=$1 PATH=$WORK/$2 /bin/sh -c "$setup" >out 2>err
	status=$?
}

shims root
as 0 root
status_is 0 "as root with no sudo: the command runs"
grep '^apt-get' calls | head -n 1 | grep -q '^apt-get update' &&
	ok "as root: apt-get update comes first" || not_ok "as root: apt-get update comes first" "$(cat calls)"
check "as root: the packages are installed" grep -q '^apt-get install -y .*libyaml-dev.*libcsv-dev' calls
check "as root: then it builds and runs the demo" grep -q '^make demo' calls
check "as root: sudo is not asked for" sh -c 'test -f calls && ! grep -q "^sudo" calls'

shims user sudo
as 1000 user
status_is 0 "as a user with sudo: the command runs"
check "as a user: apt-get update through sudo" grep -qx 'sudo apt-get update' calls
test "$(grep -c '^sudo apt-get' calls)" = 2 &&
	ok "as a user: both apt-get calls through sudo" || not_ok "as a user: both apt-get calls through sudo" "$(cat calls)"
check "as a user: then it builds and runs the demo" grep -q '^make demo' calls

echo "1..$tests"
[ "$failures" = 0 ]
