import { Writable } from 'node:stream';
import { Controller, Get, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { PinoLogger } from 'nestjs-pino';
import { AppLogger } from './app-logger.js';
import { isPretty, LoggingModule } from './logging.module.js';

class Captured extends Writable {
  readonly lines: string[] = [];
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  }
}

@Controller('things')
class ThingsController {
  @Get()
  list(): string[] {
    return [];
  }
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

describe('LoggingModule', () => {
  // nestjs-pino keeps one root logger per process: one app boots in this file.
  it('boots a terminal app in a few coloured lines: no JSON, no wiring report', async () => {
    const output = new Captured(true);
    @Module({
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [() => ({ LOG_LEVEL: 'info', LOG_FORMAT: 'auto', NODE_ENV: 'development' })],
        }),
        LoggingModule.forRoot({ output }),
      ],
      controllers: [ThingsController],
    })
    class TestApp {}
    const app = await NestFactory.create(TestApp, { bufferLogs: true });
    app.useLogger(app.get(AppLogger));
    app.flushLogs();
    await app.init();
    await app.close();
    // pino-pretty writes through a stream of its own: let it drain.
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(output.lines.filter(isJson)).toEqual([]);
    expect(output.lines.join('\n')).toMatch(
      /INFO.*NestApplication: Nest application successfully started/,
    );
    expect(output.lines.join('\n')).not.toMatch(/InstanceLoader|RoutesResolver|RouterExplorer/);
    expect(output.lines.length).toBeLessThanOrEqual(3);
  });

  it('is pretty only at a terminal outside production, unless told', () => {
    expect(isPretty('auto', 'development', true)).toBe(true);
    expect(isPretty('auto', 'development', false)).toBe(false);
    expect(isPretty('auto', 'production', true)).toBe(false);
    expect(isPretty('json', 'development', true)).toBe(false);
    expect(isPretty('pretty', 'production', false)).toBe(true);
  });
});

describe('AppLogger', () => {
  function logged(context: string): string[] {
    const calls: string[] = [];
    const pino = {
      info: () => calls.push('info'),
      debug: () => calls.push('debug'),
    } as unknown as PinoLogger;
    new AppLogger(pino, {}).log('message', context);
    return calls;
  }

  it("moves Nest's wiring report to debug and keeps every other line at info", () => {
    expect(logged('InstanceLoader')).toEqual(['debug']);
    expect(logged('RoutesResolver')).toEqual(['debug']);
    expect(logged('RouterExplorer')).toEqual(['debug']);
    expect(logged('NestApplication')).toEqual(['info']);
    expect(logged('ChatService')).toEqual(['info']);
  });
});
