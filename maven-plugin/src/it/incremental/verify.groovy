// The summary line of each run, in order (all runs log into one build.log).
def lines = new File(basedir, 'build.log').readLines().findAll { it.contains('[INFO] netc: ') }
assert lines.size() >= 4 : lines.join('\n')
assert lines[0].contains('netc: 3 of 3 networks regenerated into target/generated-sources/netc (3 files written)')
assert lines[1].contains('netc: 0 of 3 networks regenerated') && lines[1].contains('(0 files written)')
assert lines[2].contains('netc: 1 of 3 networks regenerated') && lines[2].contains('(1 file written)')
assert lines[3].contains('netc: 0 of 2 networks regenerated') && lines[3].contains('(0 files written)')
return true
