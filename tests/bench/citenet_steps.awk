# citenet's CITENET_TIMINGS lines (stderr) folded into the peers' steps, printed as
# "parse build analysis write" seconds: parse = read + authors, build = network (not its
# network/... parts), analysis = components + communities + PageRank, write = every output.
# Used by compare.sh and growth.sh; `-v digits=N` for N decimals (default 2).
/^timing: / {
  s = $(NF - 1); n = $2
  if (n == "read" || n == "authors") p += s
  else if (n == "network") b += s
  else if (n == "analysis") a += s
  else if (n == "writing") w += s
}
END {
  if (digits == "") digits = 2
  f = "%." digits "f"
  printf f " " f " " f " " f "\n", p, b, a, w
}
