// Preloaded into a spawned `smvp` by the hostile-workbook tests: reports the process's peak memory.
process.on('exit', () => process.stderr.write(`\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`));
