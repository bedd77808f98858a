#!/usr/bin/env bash
# Mints bearer tokens for the running local stack, signed with its key (.local-stack/jwt-keys.env), in well under
# a second: no JVM, no Maven. Each token is a person of an organisation with one role, as the identity provider
# would issue it (iss, aud, sub, name, groups, org_id, org_name; valid 12 hours).
#
#   deploy/local/tokens.sh ROLE [--org ID|KEY] [--org-name NAME] [--name "PERSON NAME"] [--count N]
#
#   ROLE         buyer, innovator, investor, coordinator or admin
#   --org        an existing organisation: its id, or a demo key (ljusdal, tomelilla, ramsjo-shop, ...; see
#                deploy/local/src/main/resources/demo/organisations.json); default: a new organisation
#   --org-name   the organisation's display name (default: the demo organisation's, or "New <role> organisation")
#   --name       the person's display name (default: "<Role> <n>"); a second person of an organisation is just
#                another --name with the same --org (a second evaluator)
#   --count N    N tokens, one line each: "<organisation id> <token>" (new organisations unless --org is given)
#
# With one token and no --count it prints only the token:  TOKEN=$(deploy/local/tokens.sh buyer --org ljusdal)
set -euo pipefail
cd "$(dirname "$0")/../.."
KEYS=.local-stack/jwt-keys.env
ORGS=deploy/local/src/main/resources/demo/organisations.json
ISSUER="https://auth.utfall.local/realms/utfall"
AUDIENCE="utfall-api"

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
ROLE=$1; shift
case "$ROLE" in buyer|innovator|investor|coordinator|admin) ;; *) echo "unknown role: $ROLE" >&2; usage ;; esac
ORG=""; ORG_NAME=""; NAME=""; COUNT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --org) ORG=${2:?}; shift 2 ;;
    --org-name) ORG_NAME=${2:?}; shift 2 ;;
    --name) NAME=${2:?}; shift 2 ;;
    --count) COUNT=${2:?}; shift 2 ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
[ -r "$KEYS" ] || { echo "No running local stack here ($KEYS missing): start it with ./deploy/local/run.sh" >&2; exit 1; }
command -v openssl >/dev/null && command -v jq >/dev/null || { echo "needs openssl and jq" >&2; exit 1; }

if [ -n "$ORG" ] && ! [[ "$ORG" =~ ^[0-9a-fA-F-]{36}$ ]]; then
  DEMO=$(jq -c --arg k "$ORG" '.organisations[] | select(.key == $k)' "$ORGS")
  [ -n "$DEMO" ] || { echo "no demo organisation with key '$ORG'" >&2; exit 1; }
  ORG=$(jq -r .id <<<"$DEMO")
  [ -n "$ORG_NAME" ] || ORG_NAME=$(jq -r .name <<<"$DEMO")
fi

PEM=$(mktemp); trap 'rm -f "$PEM"' EXIT
chmod 600 "$PEM"
{ echo "-----BEGIN PRIVATE KEY-----"; sed -n 's/^UTFALL_JWT_PRIVATE_KEY=//p' "$KEYS" | fold -w 64; echo "-----END PRIVATE KEY-----"; } >"$PEM"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

mint() { # org org_name person
  local now exp sub header payload signing
  now=$(date +%s); exp=$((now + 43200))
  sub="$ROLE-$(openssl rand -hex 4)"
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(jq -cn --arg iss "$ISSUER" --arg aud "$AUDIENCE" --arg sub "$sub" --arg name "$3" --arg role "$ROLE" \
      --arg org "$1" --arg orgName "$2" --argjson iat "$now" --argjson exp "$exp" --arg jti "$(openssl rand -hex 16)" \
      '{iss: $iss, aud: $aud, sub: $sub, name: $name, upn: $sub, groups: [$role], iat: $iat, exp: $exp, jti: $jti}
       + (if $org == "" then {} else {org_id: $org, org_name: $orgName} end)' | b64url)
  signing="$header.$payload"
  printf '%s.%s' "$signing" "$(printf '%s' "$signing" | openssl dgst -sha256 -sign "$PEM" -binary | b64url)"
}

N=${COUNT:-1}
for i in $(seq 1 "$N"); do
  org=$ORG; orgName=$ORG_NAME
  if [ -z "$org" ] && [ "$ROLE" != admin ]; then
    org=$(cat /proc/sys/kernel/random/uuid)
    [ -n "$orgName" ] || orgName="New $ROLE organisation $i"
  fi
  person=${NAME:-"${ROLE^} $i"}
  token=$(mint "$org" "$orgName" "$person")
  if [ -n "$COUNT" ]; then echo "$org $token"; else echo "$token"; fi
done
