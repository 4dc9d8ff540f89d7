// The classes were generated where the conventions say, compiled, and the project's tests ran.
def gen = new File(basedir, 'target/generated-sources/netc')
['com/example/XorNet.java', 'com/example/iris/IrisNet.java', 'nets/Regressor.java', 'nets/Tiny.java'].each {
  assert new File(gen, it).isFile() : "missing generated source ${it}"
  assert new File(basedir, 'target/classes/' + it.replace('.java', '.class')).isFile() : "not compiled: ${it}"
}
def genTests = new File(basedir, 'target/generated-test-sources/netc')
['com/example/XorNetGradientTest.java', 'com/example/iris/IrisNetGradientTest.java',
 'nets/RegressorGradientTest.java', 'nets/TinyGradientTest.java'].each {
  assert new File(genTests, it).isFile() : "missing generated test ${it}"
}
assert new File(basedir, 'target/maven-status/netc/generate/default/state').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('netc: 4 of 4 networks regenerated into target/generated-sources/netc') : 'summary line'

// the runtime reached the isolated repository (test-scoped dependency of the plugin)
assert new File(localRepositoryPath, 'dev/netc/netc-runtime').isDirectory()

def reports = new File(basedir, 'target/surefire-reports')
def run = reports.listFiles().findAll { it.name.endsWith('.txt') }.collect { it.text }.join('\n')
assert run.contains('com.example.NetworksTest') : 'project tests did not run'
assert run.contains('nets.TinyGradientTest') : 'generated gradient tests did not run'
assert !(run =~ /(Failures|Errors): [1-9]/) : run
return true
