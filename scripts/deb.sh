#!/usr/bin/env bash
# make deb: the Debian packages of this checkout, built by Debian's own
# tooling (dpkg-buildpackage, debhelper, pg_buildext), into build/deb/.
#
# The source is staged in build/deb/nps-VERSION/ (the files git tracks or
# would, as they are in the working tree), so that dpkg-buildpackage, which writes its
# packages into the parent of the source, writes them into build/deb/ and
# nothing outside the checkout.  There, from what the repository keeps:
#   debian/changelog  one entry, the version of VERSION (the one place it
#                     lives) with Debian revision DEB_REVISION (1), dated
#                     as the last commit (or now, outside git);
#   debian/control    from debian/control.in by pg_buildext updatecontrol:
#                     a postgresql-NN-nps for every major of debian/pgversions
#                     that pg_buildext supported-versions names (Debian 12:
#                     15; PG_SUPPORTED_VERSIONS=installed takes every
#                     installed postgresql-server-dev-NN instead).
# Prints the paths of the packages.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(cat VERSION)
revision=${DEB_REVISION:-1}
out=build/deb
src=$out/nps-$version

rm -rf "$out"
mkdir -p "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # The files git tracks or would (not those it ignores), as they are;
    # one deleted but not yet committed is skipped.
    git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
        tar --null -T - -cf - | tar -xf - -C "$src"
    date=$(git log -1 --format=%aD 2>/dev/null || date -R)
else
    tar --exclude=./build --exclude=./.git -cf - . | tar -xf - -C "$src"
    date=$(date -R)
fi

maintainer=$(sed -n 's/^Maintainer: //p' debian/control.in)
cat >"$src/debian/changelog" <<CHANGELOG
nps ($version-$revision) unstable; urgency=medium

  * Version $version (CHANGELOG.md).

 -- $maintainer  $date
CHANGELOG

cd "$src"
pg_buildext updatecontrol
versions=$(pg_buildext supported-versions)
[ -n "$versions" ] || { echo "make deb: no PostgreSQL major of debian/pgversions (14+) is supported here; install postgresql-server-dev-all" >&2; exit 1; }
dpkg-buildpackage -us -uc -b >../build.log 2>&1 || { tail -n 60 ../build.log >&2; echo "make deb: dpkg-buildpackage failed (build/deb/build.log)" >&2; exit 1; }
cd - >/dev/null
ls "$out"/*.deb
