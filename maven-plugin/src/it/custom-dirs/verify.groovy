def out = new File(basedir, 'target/netc-java')
assert new File(out, 'org/acme/TopNet.java').isFile() : 'top-level file not generated with packageName'
assert new File(out, 'deep/er/InnerNet.java').isFile() : 'package from the folder'
assert !new File(out, 'drafts').exists() : 'excluded file generated'
assert !new File(basedir, 'target/generated-sources/netc').exists() : 'default output folder used'
assert new File(basedir, 'target/classes/org/acme/TopNet.class').isFile()
def run = new File(basedir, 'target/surefire-reports').listFiles().collect { it.text }.join('\n')
assert run.contains('Tests run: 1, Failures: 0, Errors: 0') : run
return true
