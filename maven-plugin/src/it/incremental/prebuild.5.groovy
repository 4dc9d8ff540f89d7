// d.nn (top level, so package inc) declares NetA, which the unchanged a.nn generates.
new File(basedir, 'src/main/netc/d.nn').text = '''network NetA {
    input 1;
    dense 1 linear;
    loss squared_error;
}
'''
return true
