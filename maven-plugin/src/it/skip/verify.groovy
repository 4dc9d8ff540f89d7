assert !new File(basedir, 'target/generated-sources/netc').exists()
assert !new File(basedir, 'target/generated-test-sources/netc').exists()
assert !new File(basedir, 'target/maven-status/netc').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('netc: skipping generate as requested') : log
assert log.contains('netc: skipping generate-test as requested') : log
return true
