#!/usr/bin/env bash
# Regenerates THIRD-PARTY.md from the Maven dependency tree (runtime scope: what ships beside the jar).
# Run after changing dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q org.codehaus.mojo:license-maven-plugin:2.4.0:add-third-party -Dlicense.excludedScopes=test,provided,system
{
  cat <<'HEAD'
# Third-party software

AI Image Organizer is licensed under the GNU Affero General Public License v3.0 or later (see LICENSE),
because it bundles ELKI (AGPL-3.0). It bundles the libraries below, each under its own licence
(as declared in its Maven metadata). Native code inside some of them:

- `ai.djl.pytorch:pytorch-native-cpu` contains LibTorch (PyTorch), BSD-3-Clause.
- `ai.djl.huggingface:tokenizers` contains the Hugging Face `tokenizers` Rust library, Apache-2.0.
- `com.microsoft.onnxruntime:onnxruntime` contains ONNX Runtime (Linux x64/arm64, macOS arm64, Windows x64), MIT.
- `org.openpnp:opencv` contains OpenCV 4.9 (Apache-2.0) with libjpeg-turbo, libpng, libwebp, libtiff and zlib under their own permissive licences.

The CLIP model the application downloads on first use (openai/clip-vit-base-patch32) is published by OpenAI under the MIT licence.

The vocabulary of suggested cluster names (`org/imageorganizer/ml/name-vocabulary.txt`, ADR 0045) holds nouns from
WordNet 3.0 (Princeton University, WordNet 3.0 licence, whose notice the file carries), the ImageNet-1k category
names (WordNet lemmas) and the COCO category names (CC BY 4.0, the COCO Consortium) as shipped by torchvision
(BSD-3-Clause), and scenes written for this program.

Regenerate this file with `scripts/update-third-party.sh`.

| Licence(s) | Library |
|---|---|
HEAD
  sed -n 's/^ *\((.*)\) \(.*\)$/| \1 | \2 |/p' target/generated-sources/license/THIRD-PARTY.txt
} > THIRD-PARTY.md
echo "THIRD-PARTY.md updated"
