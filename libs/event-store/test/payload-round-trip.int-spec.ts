import {
  appendTo,
  closeStoreFixture,
  event,
  openStoreFixture,
  StoreFixture,
} from './event-store.int-fixture';

// Appends travel as one SQL literal (group commit and its sequencing pass share one message),
// so quoting must survive anything JSON can carry.
describe('payload round trip', () => {
  let fixture: StoreFixture | undefined;
  afterEach(async () => closeStoreFixture(fixture));

  it('keeps quotes, backslashes, unicode, int64 and nesting exactly', async () => {
    fixture = await openStoreFixture();
    const data = {
      quote: "it's '' ok",
      backslash: 'C:\\path\\n\\u0000',
      dollar: "$$ $tag$ E'\\x'",
      unicode: 'Zürich 東京 🚀',
      control: 'line\nbreak\ttab',
      nanos: 1_732_617_600_123_456_789n,
      nested: { list: [1, -2.5, null, true, { deep: 'x' }] },
    };
    await fixture.store.append(appendTo('s', 'no_stream', event('Quoted', data)));
    const [stored] = (await fixture.store.readStream('s')).events;
    expect(stored!.data).toEqual(data);
  });
});
