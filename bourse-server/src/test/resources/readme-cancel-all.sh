#!/usr/bin/env bash
# The README's example: sign and send a cancel-all exactly as spec section 3 signs requests.
# Needs API_KEY and API_SECRET (from POST /admin/v1/accounts/{id}/apiKeys); BASE defaults to the local server.
set -euo pipefail
BASE="${BASE:-http://127.0.0.1:8080}"
METHOD=DELETE
REQUEST_PATH=/v1/trade/openOrders/BCH.ETH
QUERY=''                                      # raw query string without '?', empty here
BODY=''                                       # raw form body, empty here
NONCE=$(( RANDOM % 90000 + 10000 ))           # a positive 5-digit integer
TIMESTAMP=$(date +%s%3N)                      # ms since the epoch (GNU date; on macOS use gdate)
SIGN=$(printf '%s' "$NONCE$TIMESTAMP$METHOD$REQUEST_PATH$QUERY$BODY" \
  | openssl dgst -sha256 -hmac "$API_SECRET" | sed 's/^.*= //')
curl -s -X "$METHOD" "$BASE$REQUEST_PATH" \
  -H "X-API-KEY: $API_KEY" -H "X-API-TIMESTAMP: $TIMESTAMP" \
  -H "X-API-NONCE: $NONCE" -H "X-API-SIGN: $SIGN"
