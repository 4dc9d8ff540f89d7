// Delete sub/c.nn: its class must go.
assert new File(basedir, 'src/main/netc/sub/c.nn').delete()
return true
