def log = new File(basedir, 'build.log').text
def src = new File(basedir, 'src/main/netc').canonicalPath
assert log.contains("[WARNING] ${src}/odd.nn:[5,") : log
assert log.contains('nesterov = 1 has no effect with momentum = 0') : log
assert new File(basedir, 'target/generated-sources/netc/Odd.java').isFile()
return true
