import { vcfBaseUrl } from './llm-backends.js';

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
