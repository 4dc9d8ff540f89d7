// Change b.nn so that its class changes (3 hidden units -> 5).
def f = new File(basedir, 'src/main/netc/b.nn')
f.text = f.text.replace('dense 3 tanh;', 'dense 5 tanh;')
assert f.text.contains('dense 5 tanh;')
return true
