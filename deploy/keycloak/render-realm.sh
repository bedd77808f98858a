#!/usr/bin/env bash
# Prints utfall-realm.json with its ${VAR:default} placeholders replaced by the environment's values (or the
# defaults), as Keycloak's --import-realm would: for applying realm changes through the admin API (kcadm
# partialImport), which does not resolve placeholders itself.
set -euo pipefail
file="${1:-$(dirname "$0")/utfall-realm.json}"
python3 - "$file" <<'PY'
import os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def value(m):
    name, default = m.group(1), m.group(3)
    if name in os.environ:
        return os.environ[name]
    if default is None:
        sys.exit(f"{name} is not set and has no default")
    return default
sys.stdout.write(re.sub(r"\$\{([A-Z0-9_]+)(:([^}]*))?\}", value, text))
PY
