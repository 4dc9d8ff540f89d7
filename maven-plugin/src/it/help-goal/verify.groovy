def log = new File(basedir, 'build.log').text
assert log.contains('netc:generate') : log
['sourceDirectory', 'outputDirectory', 'includes', 'excludes', 'packageName', 'skip', 'encoding',
 'failOnWarning', 'generateTests'].each { assert log.contains(it) : "help lacks ${it}" }
assert log.contains('Default: ${project.basedir}/src/main/netc') : log
return true
