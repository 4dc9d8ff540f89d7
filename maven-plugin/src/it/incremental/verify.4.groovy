// Run 4: NetC.java deleted, the others untouched.
def gen = new File(basedir, 'target/generated-sources/netc')
assert !new File(gen, 'sub/NetC.java').exists() : 'the class of the deleted file is still there'
assert new File(gen, 'inc/NetA.java').lastModified() == 1_000_000_000_000L : 'NetA rewritten'
assert new File(gen, 'inc/NetB.java').lastModified() == 1_000_000_000_000L : 'NetB rewritten'
def state = new File(basedir, 'target/maven-status/netc/generate/default/state').text
assert !state.contains('c.nn') : state
return true
