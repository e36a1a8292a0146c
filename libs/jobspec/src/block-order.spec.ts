import { orderedLabels, scanBlockOrder } from './block-order';

const SOURCE = `
# comment with group "fake" {
job "j" {
  meta = { "group" = "x", nested = { a = "}" } }
  description = <<EOT
group "heredoc" {
}
EOT
  args = ["\${upper("}")}", "$\${x}"] // trailing comment
  /* group "commented" {} */
  group "web" {
    task "b" { driver = "exec" }
    task a {
      config {
        cmd = "{"
      }
    }
  }
  group "api" {
    network {
      port "z" {}
      port "http" { static = 80 }
    }
  }
}
`;

describe('scanBlockOrder', () => {
  const order = scanBlockOrder(SOURCE);

  it('records labeled blocks per parent in source order, skipping strings, heredocs and comments', () => {
    expect(order.get('/job:j/group')).toEqual(['web', 'api']);
    expect(order.get('/job:j/group:web/task')).toEqual(['b', 'a']);
    expect(order.get('/job:j/group:api/network/port')).toEqual(['z', 'http']);
    expect(order.get('/job')).toEqual(['j']);
  });

  it('sorts labels by their source position, unknown ones last', () => {
    expect(orderedLabels(order, '/job:j', 'group', ['api', 'other', 'web'])).toEqual([
      'web',
      'api',
      'other',
    ]);
  });
});
