import { servesModel, vcfBaseUrl } from './llm-backends.js';

describe('vcfBaseUrl', () => {
  it.each([
    'https://pais.example.com/api/v1/compatibility/openai/v1',
    'https://pais.example.com/api/v1/compatibility/openai/v1/',
    'https://pais.example.com/api/v1/compatibility/openai',
    'https://pais.example.com/api/v1/compatibility/openai/',
    ' https://pais.example.com/api/v1/compatibility/openai/v1/chat/completions ',
  ])('brings %s to one base ending in a single /v1', (endpoint) => {
    expect(vcfBaseUrl(endpoint)).toBe('https://pais.example.com/api/v1/compatibility/openai/v1');
  });

  it('adds /v1 to a bare host', () => {
    expect(vcfBaseUrl('http://10.0.0.5:8000')).toBe('http://10.0.0.5:8000/v1');
  });
});

describe('servesModel', () => {
  it.each([
    ['tiny', 'tiny', 'exact: vLLM served name, llama.cpp --alias, OpenAI'],
    ['llama3.2:latest', 'llama3.2', "Ollama's implicit :latest"],
    ['llama3.2:3b', 'llama3.2:3b', 'Ollama name:tag'],
    ['/models/tiny.gguf', 'tiny', "llama.cpp's server: the file path"],
    ['/models/TinyLlama-1.1B.Q4_K_M.gguf', 'tinyllama-1.1b.q4_k_m.gguf', 'the file name, any case'],
    ['models/tiny.gguf', 'tiny', 'a relative file path'],
  ])('%s serves %s (%s)', (served, wanted) => {
    expect(servesModel(served, wanted)).toBe(true);
  });

  it.each([
    [
      'meta-llama/Llama-3.1-8B-Instruct',
      'Llama-3.1-8B-Instruct',
      'a Hugging Face id is not a file',
    ],
    ['llama3.2:3b', 'llama3.2', 'another tag'],
    ['/models/tinyllama.gguf', 'tiny', 'only the whole base name'],
  ])('%s does not serve %s (%s)', (served, wanted) => {
    expect(servesModel(served, wanted)).toBe(false);
  });
});
