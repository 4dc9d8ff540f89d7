// Run 1 generated all three classes; age them so that a rewrite would show.
def gen = new File(basedir, 'target/generated-sources/netc')
def files = ['inc/NetA.java', 'inc/NetB.java', 'sub/NetC.java'].collect { new File(gen, it) }
files.each { assert it.isFile() : "missing ${it}" }
files.each { assert it.setLastModified(1_000_000_000_000L) }
new File(basedir, 'b-run1.txt').text = new File(gen, 'inc/NetB.java').text
return true
