// Run 2: no input changed, so no file was rewritten (timestamps kept).
def gen = new File(basedir, 'target/generated-sources/netc')
['inc/NetA.java', 'inc/NetB.java', 'sub/NetC.java'].each {
  def f = new File(gen, it)
  assert f.isFile() : "missing ${f}"
  assert f.lastModified() == 1_000_000_000_000L : "${it} was rewritten although nothing changed"
}
return true
