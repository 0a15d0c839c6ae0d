import { describe, expect, it } from 'vitest';
import { amzDate, sha256Hex, signV4 } from './sigv4.js';

// AWS's published SigV4 examples: the test suite's requests (example.amazonaws.com, service
// "service") and the S3 GET Object example of the S3 API reference. The signatures are AWS's.
const suite = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 'service',
};
const suiteRequest = (method: string, url: string) =>
  signV4(
    {
      method,
      url: new URL(url),
      headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
      payloadHash: sha256Hex(''),
    },
    suite,
  );

describe('signV4', () => {
  it('signs the test suite requests as AWS does', () => {
    expect(suiteRequest('GET', 'https://example.amazonaws.com/')).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
        'SignedHeaders=host;x-amz-date, ' +
        'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
    // get-vanilla-query-order-key-case: the query is sorted before it is signed.
    expect(suiteRequest('GET', 'https://example.amazonaws.com/?Param2=value2&Param1=value1')).toMatch(
      /Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500$/,
    );
    // post-vanilla
    expect(suiteRequest('POST', 'https://example.amazonaws.com/')).toMatch(
      /Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b$/,
    );
  });

  it("signs S3's GET Object example as the S3 reference does", () => {
    const emptyHash = sha256Hex('');
    expect(
      signV4(
        {
          method: 'GET',
          url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
          headers: {
            host: 'examplebucket.s3.amazonaws.com',
            range: 'bytes=0-9',
            'x-amz-content-sha256': emptyHash,
            'x-amz-date': '20130524T000000Z',
          },
          payloadHash: emptyHash,
        },
        {
          accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          region: 'us-east-1',
          service: 's3',
        },
      ),
    ).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('writes x-amz-date in its basic ISO form', () => {
    expect(amzDate(new Date('2015-08-30T12:36:00.123Z'))).toBe('20150830T123600Z');
  });
});
