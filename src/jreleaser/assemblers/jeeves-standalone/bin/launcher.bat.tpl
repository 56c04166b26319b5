@echo off
rem jeeves - the Jeeves command line, in the jlink image: bin\java.exe is its own trimmed Java runtime.
rem jars\jeeves-cli.jar names the client libraries it needs in its manifest; jars\libs\ has them, and the server's
rem libraries that "jeeves serve" runs with. Untested in CI, which builds the linux-x86_64 image only.
setlocal
set "APP_HOME=%~dp0.."
"%APP_HOME%\bin\java.exe" %JEEVES_JAVA_OPTS% -cp "%APP_HOME%\jars\jeeves-cli.jar;%APP_HOME%\jars\libs\*" dev.jeeves.cli.JeevesCli %*
