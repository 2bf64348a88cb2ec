// Translates a LIKE pattern to an anchored RegExp: % any run, _ any one character, [abc] and
// [^abc] character sets, ESCAPE c to match the next character literally. [\s\S] rather than .
// so that % and _ match line breaks as well.

export function likeToRegExp(pattern, escape) {
  let re = "^";
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (escape && ch === escape && i + 1 < pattern.length) {
      i += 1;
      re += pattern[i].replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    } else if (ch === "%") re += "[\\s\\S]*";
    else if (ch === "_") re += "[\\s\\S]";
    else if (ch === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) { re += "\\["; continue; }
      let body = pattern.slice(i + 1, end);
      let negate = false;
      if (body.startsWith("^")) { negate = true; body = body.slice(1); }
      re += `[${negate ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
      i = end;
    } else re += ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(`${re}$`);
}
