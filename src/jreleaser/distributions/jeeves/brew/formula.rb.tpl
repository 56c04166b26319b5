# {{jreleaserCreationStamp}}
# The Homebrew formula for the jeeves command: the launcher on an OpenJDK, its man pages and completions.
class {{brewFormulaName}} < Formula
  desc "{{projectDescription}}"
  homepage "{{projectLinkHomepage}}"
  url "{{distributionUrl}}"
  version "{{projectVersion}}"
  sha256 "{{distributionChecksumSha256}}"
  license "{{projectLicense}}"

  depends_on "openjdk"

  def install
    libexec.install "bin", "lib", "sbom"
    (bin/"{{distributionExecutableName}}").write_env_script libexec/"bin/{{distributionExecutableUnix}}",
      Language::Java.overridable_java_home_env
    man1.install Dir["man/man1/*.1"]
    bash_completion.install "completion/jeeves.bash" => "jeeves"
    zsh_completion.install "completion/_jeeves"
    doc.install "README.md"
  end

  test do
    assert_match "{{projectVersion}}", shell_output("#{bin}/{{distributionExecutableName}} --version")
    assert_match "Usage: jeeves ask", shell_output("#{bin}/{{distributionExecutableName}} help ask")
  end
end
