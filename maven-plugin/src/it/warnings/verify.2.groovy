def log = new File(basedir, 'build.log').text
assert log.contains('netc: 1 warning in 1 file (failOnWarning)') : log
return true
