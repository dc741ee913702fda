// Svelte 5 compiles TypeScript in <script lang="ts"> natively; runes mode everywhere.
export default {
  compilerOptions: { runes: true },
};
