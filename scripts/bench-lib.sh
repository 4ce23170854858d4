# Sourced by the benchmark scripts (run from the project root).

# Compiles the application and the benchmark classes (offline first) and prints the class path that
# runs them. Usage: CP=$(benchmark_classpath)
benchmark_classpath() {
  mvn -B -q -o test-compile >/dev/null 2>&1 || mvn -B -q test-compile >&2 || return 1
  mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt >/dev/null 2>&1 \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt >/dev/null || return 1
  printf '%s' "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)"
}

# Signs in through the login form, as a browser does, and prints the session's Cookie header value;
# fails loudly when the account cannot sign in.
# Usage: COOKIE=$(sign_in PORT USERNAME PASSWORD COOKIE_JAR_FILE)
sign_in() {
  local port=$1 username=$2 password=$3 jar=$4 csrf cookie
  csrf=$(curl -fs -c "$jar" "http://127.0.0.1:$port/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -b "$jar" -c "$jar" -o /dev/null \
    --data-urlencode "username=$username" --data-urlencode "password=$password" --data-urlencode "csrf=$csrf" \
    "http://127.0.0.1:$port/callback?client_name=FormClient"
  cookie=$(awk '$6 ~ /^aw_/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
  curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/me" | grep -q "\"username\":\"$username\"" \
    || { echo "signing in as $username for the benchmark failed" >&2; return 1; }
  printf '%s' "$cookie"
}
