def out = new File(basedir, 'target/generated-test-sources/netc/org/acme/testnets/Probe.java')
assert out.isFile()
assert !new File(basedir, 'target/generated-sources/netc').exists()
assert new File(basedir, 'target/test-classes/org/acme/testnets/Probe.class').isFile()
assert !new File(basedir, 'target/classes/org/acme/testnets/Probe.class').exists()
assert new File(basedir, 'target/maven-status/netc/generate-test/default/state').isFile()
def run = new File(basedir, 'target/surefire-reports').listFiles().collect { it.text }.join('\n')
assert run.contains('Tests run: 1, Failures: 0, Errors: 0') : run
return true
