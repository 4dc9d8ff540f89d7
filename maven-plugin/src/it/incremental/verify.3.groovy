// Run 3: only NetB was rewritten.
def gen = new File(basedir, 'target/generated-sources/netc')
assert new File(gen, 'inc/NetA.java').lastModified() == 1_000_000_000_000L : 'NetA rewritten'
assert new File(gen, 'sub/NetC.java').lastModified() == 1_000_000_000_000L : 'NetC rewritten'
def b = new File(gen, 'inc/NetB.java')
assert b.lastModified() != 1_000_000_000_000L : 'NetB not regenerated'
assert b.text != new File(basedir, 'b-run1.txt').text : 'NetB has the same text'
b.setLastModified(1_000_000_000_000L)
return true
