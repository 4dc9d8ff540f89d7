// Run 5 failed on the clash, reported at d.nn's network name, and a.nn's class was kept.
def log = new File(basedir, 'build.log').text
def src = new File(basedir, 'src/main/netc').canonicalPath
assert log.contains("[ERROR] ${src}/d.nn:[1,9] network 'NetA' generates class inc.NetA, which a.nn also generates") : log
assert log.contains('netc: 1 error in 1 file')
assert new File(basedir, 'target/generated-sources/netc/inc/NetA.java').lastModified() == 1_000_000_000_000L
return true
